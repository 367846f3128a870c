// The landing page: what veivalg does and the three pages, in the language
// chosen with the switch (or ?lang=nn|en). It loads the package only to show
// its version; nothing is sent anywhere.
import { ready } from "./lib/veivalg.js";
import { setupPage } from "./lib/page.js";

async function main() {
  setupPage();
  try {
    const { version } = await ready;
    document.getElementById("version").textContent = `· veivalg ${version()}`;
  } finally {
    document.body.dataset.ready = "true";
  }
}

main();
