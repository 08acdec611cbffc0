export { common } from "./common";
export { auth } from "./auth";
export { partner } from "./partner";
export { store } from "./store";
export { sections } from "./sections";
export { logs } from "./logs";
