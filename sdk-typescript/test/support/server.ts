import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

import { Mark, type Session } from "@mark/sdk";

import { contractCheckedFetch } from "./contract.js";

/** A Mark server started for one test file, on its own port and its own empty database. */
export interface RunningServer {
  readonly baseUrl: string;
  readonly apiKey: string;
  /**
   * The fetch every client of this server sends through: it holds each response to the contract
   * (support/contract.ts), throwing on one that breaks it.
   */
  readonly fetch: typeof fetch;
  /**
   * The signup token of the newest message to `email` in the server's outbox (MARK_MAIL_OUTBOX),
   * as a person copies it from the confirmation mail.
   */
  signupToken(email: string): Promise<string>;
  /**
   * Stops the server (SIGTERM, then SIGKILL after 20 s) and deletes its data directory; rejects
   * if any response received through `fetch` broke the contract, even one the SDK retried past.
   */
  stop(): Promise<void>;
}

const KEY_LINE = /^Development API key \(shown once; delete .+ to start over\): (mk_test_\S+)$/;
const LISTENING_LINE = /^Mark API listening on (http:\/\/localhost:\d+) /;
// The first start initialises an embedded PostgreSQL: seconds on a laptop, more on a busy CI box.
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

/**
 * Starts `java -jar $MARK_SERVER_JAR` with PORT=0 and a fresh MARK_DATA_DIR, and resolves once
 * it prints its API key and its address. Java is $JAVA_HOME/bin/java if JAVA_HOME is set, else
 * `java` on the PATH. `extraEnv` adds server settings (e.g. MARK_PLANS_FILE). Rejects, with the
 * server's last output, if it exits or stays silent.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const jar = serverJar();
  const dataDir = await mkdtemp(join(tmpdir(), "mark-sdk-ts-"));
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
  const child = spawn(java, ["-jar", jar], {
    // signup tokens go to the mailbox: here, a folder of .eml files that the tests read
    env: { ...process.env, MARK_MAIL_OUTBOX: join(dataDir, "outbox"), ...extraEnv, PORT: "0", MARK_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  // A test runner that dies must not leave a JVM and a PostgreSQL behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const checked = contractCheckedFetch();
  const stopProcess = async () => {
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const stop = async () => {
    await stopProcess();
    if (checked.violations.length > 0) {
      throw new Error(`responses that break the contract:\n${checked.violations.join("\n")}`);
    }
  };

  const output: string[] = []; // the last lines of stdout and stderr, for failure messages
  const remember = (line: string) => {
    output.push(line);
    if (output.length > 40) output.shift();
  };
  createInterface({ input: child.stderr }).on("line", remember);

  try {
    const { baseUrl, apiKey } = await new Promise<{ baseUrl: string; apiKey: string }>(
      (resolve, reject) => {
        let apiKey: string | undefined;
        const fail = (why: string) =>
          reject(new Error(`Mark server ${why}; its last output:\n${output.join("\n")}`));
        const timer = setTimeout(() => fail(`did not start in ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
        child.once("error", (e) => fail(`could not be run with ${java} (${e.message})`));
        child.once("exit", (code, signal) => fail(`exited during start-up (${signal ?? code})`));
        // Keep reading after start-up too, so a full pipe never blocks the server.
        createInterface({ input: child.stdout }).on("line", (line) => {
          remember(line);
          apiKey ??= KEY_LINE.exec(line)?.[1];
          const baseUrl = LISTENING_LINE.exec(line)?.[1];
          if (baseUrl === undefined) return;
          clearTimeout(timer);
          if (apiKey === undefined) fail("announced its address before its API key");
          else resolve({ baseUrl, apiKey });
        });
      },
    );
    return {
      baseUrl,
      apiKey,
      fetch: checked,
      stop,
      signupToken: (email) => signupToken(join(dataDir, "outbox"), email),
    };
  } catch (e) {
    await stopProcess();
    throw e;
  }
}

const SIGNUP_TOKEN = /mst_[A-Za-z0-9_-]{43}/;

async function signupToken(outbox: string, email: string): Promise<string> {
  const to = `To: ${email.toLowerCase()}\r\n`;
  // names start with the sending time: the newest last
  const names = (await readdir(outbox)).filter((name) => name.endsWith(".eml")).sort().reverse();
  for (const name of names) {
    const mail = await readFile(join(outbox, name), "utf8");
    const token = mail.includes(to) ? SIGNUP_TOKEN.exec(mail)?.[0] : undefined;
    if (token !== undefined) return token;
  }
  throw new Error(`no signup token to ${email} in ${outbox}`);
}

/** Signs a new user up as a person does: asks, reads the token in the mailbox, confirms it. */
export async function signUp(
  mark: Mark,
  server: RunningServer,
  body: { email: string; password: string; account_name?: string },
): Promise<Session> {
  await mark.auth.signup(body);
  return mark.auth.confirmSignup({ token: await server.signupToken(body.email) });
}

function serverJar(): string {
  const jar = process.env.MARK_SERVER_JAR;
  if (!jar) {
    throw new Error("MARK_SERVER_JAR is not set: point it at server/target/mark-server.jar (Maven sets it).");
  }
  if (!existsSync(jar)) {
    throw new Error(`MARK_SERVER_JAR=${jar} does not exist: build the server first (mvn -pl server package).`);
  }
  return jar;
}

/** A server started for one test file, and a client calling it with its development key. */
export async function startServerAndClient(): Promise<{ server: RunningServer; mark: Mark }> {
  const server = await startServer();
  return { server, mark: new Mark({ apiKey: server.apiKey, baseURL: server.baseUrl, fetch: server.fetch }) };
}
