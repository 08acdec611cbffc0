export { common } from "./common";
export { auth } from "./auth";
export { partner } from "./partner";
export { store } from "./store";
export { sections } from "./sections";
export { expiry } from "./expiry";
export { account } from "./account";
export { logs } from "./logs";
