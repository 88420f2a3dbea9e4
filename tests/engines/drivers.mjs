// The three browser engines through plain WebDriver (selenium-webdriver, pinned in package.json):
// Chromium (Debian's chromium + chromium-driver), Firefox (Debian's firefox-esr + geckodriver,
// installed by scripts/setup.sh) and WebKit, Safari's engine (Debian's webkit2gtk-driver, which
// drives WebKitGTK's MiniBrowser, under Xvfb). Every driver and browser is the machine's own: the
// drivers are named by path, so Selenium Manager never runs and nothing is downloaded.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { Builder } from "selenium-webdriver";
import chrome from "selenium-webdriver/chrome.js";
import firefox from "selenium-webdriver/firefox.js";

export const ENGINES = ["chromium", "firefox", "webkit"];

const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** The absolute path of a command on PATH, or an error that says what installs it. */
function command(name, installedBy) {
  try {
    return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(`${name} is not installed: ${installedBy} (bash scripts/setup.sh browser)`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Waits until a WebDriver server answers its /status. */
async function until(url, process, name) {
  for (let i = 0; i < 100; i++) {
    if (process.exitCode !== null) throw new Error(`${name} exited with ${process.exitCode}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${name} did not answer on ${url}`);
}

/** A started child process that is stopped with its own id (never by name). */
function started(file, args, options = {}) {
  const child = spawn(file, args, { stdio: ["ignore", "ignore", "pipe"], ...options });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  child.stderrTail = () => stderr;
  return child;
}

function stop(child) {
  if (child && child.exitCode === null) child.kill();
}

/** An X server of its own for WebKit (MiniBrowser has no headless mode): resolves to { display, child }. */
function startXvfb() {
  command("Xvfb", "apt-get install xvfb");
  const child = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], { stdio: ["ignore", "ignore", "ignore", "pipe"] });
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdio[3].on("data", (chunk) => {
      text += chunk;
      if (text.includes("\n")) resolve({ display: `:${text.trim()}`, child });
    });
    child.on("exit", (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
}

/**
 * A WebDriver session in `engine` (one of ENGINES). Returns { driver, version, close() }.
 */
export async function openDriver(engine) {
  // Selenium Manager (which could download a driver or a browser) is never needed: drivers are
  // given by path. SE_OFFLINE keeps it offline should a future version call it anyway.
  process.env.SE_OFFLINE = "true";
  if (engine === "chromium") {
    const service = new chrome.ServiceBuilder(command("chromedriver", "apt-get install chromium-driver"));
    const options = new chrome.Options().setChromeBinaryPath(command("chromium", "apt-get install chromium")).addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1024", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    const driver = await new Builder().forBrowser("chrome").setChromeService(service).setChromeOptions(options).build();
    return session(driver, () => {});
  }
  if (engine === "firefox") {
    const service = new firefox.ServiceBuilder(command("geckodriver", "cargo install geckodriver --locked"));
    const options = new firefox.Options().setBinary(command("firefox-esr", "apt-get install firefox-esr")).addArguments("-headless", "--width=1280", "--height=1024");
    // No update checks, telemetry or remote settings: the smoke must make no request of its own.
    for (const [key, value] of Object.entries({
      "app.update.enabled": false,
      "browser.shell.checkDefaultBrowser": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
      "network.captive-portal-service.enabled": false,
      "browser.download.useDownloadDir": false,
    })) options.setPreference(key, value);
    const driver = await new Builder().forBrowser("firefox").setFirefoxService(service).setFirefoxOptions(options).build();
    return session(driver, () => {});
  }
  if (engine === "webkit") {
    const webDriver = command("WebKitWebDriver", "apt-get install webkit2gtk-driver");
    const xvfb = await startXvfb();
    const port = await freePort();
    const child = started(webDriver, [`--port=${port}`], { env: { ...process.env, DISPLAY: xvfb.display } });
    try {
      await until(`http://127.0.0.1:${port}`, child, "WebKitWebDriver");
      const driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } })
        .build();
      return session(driver, () => {
        stop(child);
        stop(xvfb.child);
      });
    } catch (error) {
      stop(child);
      stop(xvfb.child);
      throw new Error(`${error.message}\n${child.stderrTail()}`);
    }
  }
  throw new Error(`unknown engine ${engine}; known: ${ENGINES.join(", ")}`);
}

async function session(driver, cleanUp) {
  const capabilities = await driver.getCapabilities();
  await driver.manage().setTimeouts({ script: 30000, pageLoad: 30000 });
  return {
    driver,
    version: `${capabilities.getBrowserName()} ${capabilities.getBrowserVersion()}`,
    async close() {
      try {
        await driver.quit();
      } finally {
        cleanUp();
      }
    },
  };
}
