import { spawn } from "node:child_process";

/** Runs a command, inheriting the terminal; rejects when it fails. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
    // A signal to this process (Ctrl-C, a supervisor's SIGTERM) is the child's to handle: it shuts down
    // gracefully and its exit code becomes ours.
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      if (code === 0) resolve();
      else reject(Object.assign(new Error(`${command} ${args.join(" ")} failed (${signal ?? code})`), { exitCode: code ?? 1 }));
    });
  });
}

/**
 * Runs the steps one after the other. The step that fails has already said why on the terminal, so this
 * exits with its code instead of adding a stack trace of its own.
 */
export async function runSteps(steps) {
  for (const [command, args, options] of steps) {
    try {
      await run(command, args, options);
    } catch (error) {
      process.exit(error.exitCode ?? 1);
    }
  }
}

export const WASM_NODE = ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx"];
