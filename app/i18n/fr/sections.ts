export const sections = {
};
