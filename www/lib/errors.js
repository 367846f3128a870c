// The library's structured errors `{kind, path, message}` in the page's
// language: the field a path names, and a message chosen by field and kind
// (never the library's English message alone). Used by the forms and by
// <veivalg-panel>.

/** The form field (an id in registration-form.js) that an error path names, or null. */
export function fieldFor(path = "") {
  if (path.startsWith("registeredOn")) return "registeredOn";
  if (path === "birthDate" || path === "age") return "birthDate";
  const answer = /^answers\.(\w+)/.exec(path);
  if (answer) return answer[1];
  if (/^employment\[\d+\]\.end/.test(path)) return "workedUntil";
  if (/^employment/.test(path)) return "workedSince";
  if (/^wages/.test(path)) return "wageNok";
  return null;
}

/** A plain copy of a thrown error: `{ kind, path, message }`. */
export function plainError(e) {
  return { kind: e?.kind ?? "OTHER", path: e?.path ?? "", message: e?.message ?? String(e) };
}

/** The error as a sentence in `t`'s language: by field and kind, then by kind. */
export function errorText(t, e) {
  const field = fieldFor(e?.path ?? "");
  const keys = [
    field && `err.${field}.${e.kind}`,
    field && e.kind === "MISSING_FIELD" && `err.required.${field}`,
    `err.kind.${e?.kind}`,
  ];
  const key = keys.find((k) => k && t.has(k));
  return t(key ?? "err.kind.OTHER");
}

/** Whether an error is a month the shipped G table does not cover. */
export function isBeyondGTable(e) {
  return e?.kind === "INSUFFICIENT_DATA" && /grunnbel|G table|\bG\b/i.test(e?.message ?? "");
}
