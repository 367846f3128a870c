// `import "veivalg/panel"` defines <veivalg-panel> (no exports are needed to use it).
import type { Person, Policy } from "../veivalg.js";

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
