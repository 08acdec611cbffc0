import { spawn } from "node:child_process";

/** Runs a command, inheriting the terminal; rejects when it fails. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? code})`))));
  });
}

export const WASM_NODE = ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx"];
