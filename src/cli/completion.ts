import type { Command, Option } from "commander";

export const COMPLETION_SHELLS = ["bash", "zsh"] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/**
 * A shell completion script for the program, made from its own commands and options, so it
 * cannot fall behind them: commands, each command's options, the choices of an option or
 * argument that has them (`--format`, per command), files and folders for paths and for
 * options that take a `<file>` or `<dir>`, nothing for other values (`--target NAME`). zsh
 * runs the same function through its bash-compatible completion.
 */
export function completionScript(program: Command, shell: CompletionShell): string {
  const commands = program.commands.filter((c) => c.name() !== "help");
  const global = program.options.filter((o) => o.long !== "--version");
  const cases: string[] = [];
  for (const c of commands) {
    const options = [...c.options, ...global];
    cases.push(`    ${c.name()}) opts=${words([...options.flatMap(longFlag), "--help"])} ;;`);
    for (const o of options) {
      const flag = longFlag(o)[0];
      if (!flag || !takesValue(o)) continue;
      const complete = o.argChoices ? `compgen -W ${words(o.argChoices)} -- "$cur"` : /<(file|dir)>/.test(o.flags) ? `compgen -f -- "$cur"` : "";
      cases.push(`    ${c.name()}:${flag}) COMPREPLY=(${complete ? `$(${complete})` : ""}); return ;;`);
    }
    const choices = c.registeredArguments[0]?.argChoices;
    if (choices) cases.push(`    ${c.name()}:) COMPREPLY=($(compgen -W ${words(choices)} -- "$cur")); return ;;`);
  }
  for (const o of global) {
    const flag = longFlag(o)[0];
    if (flag && o.argChoices) cases.push(`    :${flag}) COMPREPLY=($(compgen -W ${words(o.argChoices)} -- "$cur")); return ;;`);
  }
  // Options whose next word is their value, not a command.
  const valueFlags = [...new Set([...global, ...commands.flatMap((c) => c.options)].filter(takesValue).flatMap(longFlag))];
  const bash = `# orgform completion for bash (orgform completion bash); source it from ~/.bashrc
_orgform() {
  local cur prev cmd opts i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${valueFlags.join("|")}) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  # A value after an option ("plan:--format"), or a command's first argument ("completion:").
  local at="$cmd:$prev"
  [[ "$prev" != -* && "$cur" != -* ]] && at="$cmd:"
  case "$at" in
${cases.filter((line) => line.includes(":")).join("\n")}
  esac
  if [ -z "$cmd" ]; then
    COMPREPLY=($(compgen -W ${words([...commands.map((c) => c.name()), ...global.flatMap(longFlag), "--help", "--version"])} -- "$cur"))
    return
  fi
  case "$cmd" in
${cases.filter((line) => !line.includes(":")).join("\n")}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _orgform orgform
`;
  if (shell === "bash") return bash;
  return `# orgform completion for zsh (orgform completion zsh); source it from ~/.zshrc
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bash.split("\n").slice(1).join("\n")}`;
}

function longFlag(option: Option): string[] {
  return option.long && !option.hidden ? [option.long] : [];
}

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

/** A word list as one single-quoted shell word. */
function words(list: readonly string[]): string {
  return `'${list.join(" ").replace(/'/g, `'\\''`)}'`;
}
