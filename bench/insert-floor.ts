// The machine's limit for a write: node:http and one prepared SQLite insert per request, nothing else.
import Database from "better-sqlite3";
import { createServer } from "node:http";

const db = new Database(process.env.FLOOR_DATABASE ?? "/tmp/floor.db");
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.exec("create table if not exists rows (id integer primary key, email text not null unique, body text not null)");
const insert = db.prepare("insert into rows (email, body) values (?, ?)");

createServer((request, response) => {
  if (request.method !== "POST") return void response.writeHead(200).end("ok");
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    insert.run((JSON.parse(body) as { email: string }).email, body);
    response.writeHead(202, { "content-type": "application/json" }).end('{"status":"pending"}');
  });
}).listen(Number(process.env.PORT));
