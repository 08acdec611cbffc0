// The README's Performance tables, from results files of `npm run bench` (one per database, in the
// order the README shows them):
//   npm run bench:report -- bench/results/<stamp>-postgres.json bench/results/<stamp>-pglite.json
//       prints the two generated blocks as Markdown;
//   npm run bench:report -- --readme bench/results/<stamp>-postgres.json bench/results/<stamp>-pglite.json
//       writes them into README.md, between the <!-- bench-report:world --> and <!-- bench-report:results -->
//       markers and their closing <!-- /bench-report:… --> markers (nothing else in the file changes).
import { readFileSync, writeFileSync } from "node:fs";
import { readmeBlocks, type ReadmeBlocks } from "./report/documents";
import { readResults, type BenchResults } from "./results";

const README = "README.md";

function replaceBlock(text: string, name: keyof ReadmeBlocks, content: string): string {
  // A marker is a line of its own: the README's prose names the markers too, inside backticks.
  const lines = text.split("\n");
  const line = (marker: string) => {
    const found = lines.flatMap((l, i) => (l === marker ? [i] : []));
    if (found.length !== 1) throw new Error(`${README} must have exactly one line ${marker} (found ${found.length})`);
    return found[0];
  };
  const start = line(`<!-- bench-report:${name} -->`);
  const end = line(`<!-- /bench-report:${name} -->`);
  if (end < start) throw new Error(`${README}: the ${name} block ends before it starts`);
  // Blank lines around the content: a marker right after a table row could be read as part of the table.
  return [...lines.slice(0, start + 1), "", content, "", ...lines.slice(end)].join("\n");
}

/** Tables side by side must describe the same world: runs of different scales cannot share a table. */
function sameWorld(results: BenchResults[]): void {
  const scales = new Set(results.map((r) => r.meta.scale));
  if (scales.size > 1) throw new Error(`the results files are of different scales (${[...scales].join(", ")}): their tables would not compare`);
}

function main(args: string[]): void {
  const toReadme = args.includes("--readme");
  const files = args.filter((arg) => arg !== "--readme");
  if (files.length === 0) throw new Error("usage: npm run bench:report -- [--readme] <results.json>… (one per database)");
  const results = files.map(readResults);
  sameWorld(results);
  const blocks = readmeBlocks(results);
  if (!toReadme) {
    console.log([blocks.world, blocks.results].join("\n\n"));
    return;
  }
  let text = readFileSync(README, "utf8");
  for (const name of Object.keys(blocks) as (keyof ReadmeBlocks)[]) text = replaceBlock(text, name, blocks[name]);
  writeFileSync(README, text);
  console.log(`Wrote the world and results tables of ${README} from ${files.join(" and ")}.`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
