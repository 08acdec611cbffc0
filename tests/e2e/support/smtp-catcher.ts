// A real SMTP server for the end-to-end run: the app delivers its outbox here over SMTP, and each
// message lands as a JSON file that tests read (see mailbox.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const dir = process.env.E2E_MAIL_DIR!;
const port = Number(process.env.E2E_SMTP_PORT);
mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? "";
      const body = raw.split(/\r?\n\r?\n/).slice(1).join("\n\n");
      count += 1;
      writeFileSync(path.join(dir, `${Date.now()}-${count}.json`), JSON.stringify({ to, subject, body, raw }));
      callback();
    });
  },
});
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
