// `import "veivalg/panel"` defines <veivalg-panel> (no exports are needed to use it).
//
// Styles: the panel ships its stylesheet, `veivalg/panel.css` (panel/panel.css
// next to panel.js). The first panel on a page links it into <head> (or into
// the shadow root it sits in) unless its rules already reach the panel (the
// page linked it, or a bundler imported `veivalg/panel.css`). Colours are CSS
// custom properties (`--veivalg-panel-toward-noe`,
// `--veivalg-panel-toward-local-office`, `--veivalg-panel-wage-above-3g`, …;
// the list is at the top of panel.css), read from any ancestor.
// A page that styles the panel wholly itself sets `--veivalg-panel-stylesheet:
// own` on it, and nothing is linked. The panel is a size container
// (`container-type: inline-size`): it reflows at its own width, so in a flex
// row or a shrink-to-fit box give it a width (e.g. `flex: 1`).
import type { Person, Policy } from "../veivalg.js";

/** The URL of the panel's stylesheet (panel.css next to the panel's module). */
export declare const STYLESHEET: string;

/** The panel's languages: bokmål, nynorsk, English. */
export type PanelLang = "nb" | "nn" | "en";

/** <veivalg-panel>: one registration as a counsellor sees it (one wasm call per render). */
export declare class VeivalgPanel extends HTMLElement {
  /** The registration (also the `person` attribute, as JSON text); null shows the empty state. */
  person: Person | null;
  /** A shipped policy id or a policy object; null for the policy in force on the registration day. */
  policy: string | Policy | null;
  /** The language (also the `lang` attribute); unset follows the nearest ancestor's `lang`. */
  lang: PanelLang | string;
  /** After each render: "ready", "error" or "empty" (data-state). */
  readonly dataset: DOMStringMap & { state?: "ready" | "error" | "empty" };
}

declare global {
  interface HTMLElementTagNameMap {
    "veivalg-panel": VeivalgPanel;
  }
  interface HTMLElementEventMap {
    /** Fired (bubbling) after every render of a <veivalg-panel>. */
    "veivalg-render": CustomEvent<undefined>;
  }
}
