import { stringify } from "yaml";
import { handleOf } from "./import-people-keys.js";
import { type ImportedPeople, type ImportedPerson, type UnmatchedAccount } from "./import-people-match.js";

/** A YAML scalar on one line (quoted where YAML needs it: `"0412345"` stays a string). */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Comment text on one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The text of a first `people.yaml`: one Person per matched person, uncertain matches as
 * comments a human can act on (a suggested account is a commented line in `accounts`; an id
 * nobody could be tied to is a commented Person at the end).
 */
export function peopleYaml(imported: ImportedPeople, targets: string[], schema: string): string {
  const lines = [
    `# yaml-language-server: $schema=${schema}`,
    `# People found by orgform import in ${targets.length === 1 ? "target" : "targets"} ${targets.map((t) => `"${t}"`).join(", ")}: ${imported.people.length} ${imported.people.length === 1 ? "person" : "people"}.`,
    "# Records are one Person only where an email or a mobile agrees. Comments starting with",
    "# \"Check:\" are matches the import was not sure of; uncomment a suggested line to accept it.",
    "apiVersion: orgform/v1",
    "kind: Person",
  ];
  lines.push(imported.people.length ? "items:" : "items: []");
  for (const p of imported.people) lines.push(...personLines(p));
  if (imported.unmatched.length) {
    lines.push(
      "",
      "  # Check: ids seen only in member lists, tied to no one above: add each to a Person's accounts, or uncomment it.",
    );
    for (const u of imported.unmatched) lines.push(...unmatchedLines(u));
  }
  return `${lines.join("\n")}\n`;
}

function personLines(p: ImportedPerson): string[] {
  const out = [""];
  for (const note of p.notes) out.push(`  # Check: ${oneLine(note)}`);
  out.push(`  - handle: ${scalar(p.handle)}`);
  if (p.name !== undefined) out.push(`    name: ${scalar(p.name)}`);
  if (p.email !== undefined) out.push(`    email: ${scalar(p.email)}`);
  if (p.mobile !== undefined) out.push(`    mobile: ${scalar(p.mobile)}`);
  out.push("    accounts:");
  for (const [target, account] of Object.entries(p.accounts)) out.push(`      ${scalar(target)}: ${scalar(account)}`);
  for (const s of p.suggested) {
    out.push(`      # Check: ${oneLine(s.why)}`, `      # ${scalar(s.target)}: ${scalar(s.account)}`);
  }
  return out;
}

function unmatchedLines(u: UnmatchedAccount): string[] {
  const maybe = u.candidates.length ? `; it may be ${u.candidates.map((c) => `\`${c}\``).join(" or ")}` : "";
  const handle = scalar([u.target, handleOf(u.account)].filter(Boolean).join("-"));
  return [
    `  # ${oneLine(`Seen in ${u.seen.join("; ")}${maybe}.`)}`,
    `  # - handle: ${handle}`,
    "  #   accounts:",
    `  #     ${scalar(u.target)}: ${scalar(u.account)}`,
  ];
}
