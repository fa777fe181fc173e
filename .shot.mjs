import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
const errors = [];
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
for (const [url, file] of process.argv.slice(2).map((arg) => arg.split("="))) {
  await page.goto(url);
  await page.screenshot({ path: file, fullPage: true });
}
console.log("console errors:", errors);
await browser.close();
