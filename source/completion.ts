// Shell completion for fic (fic --completion bash|zsh|fish): options, their known values, and files.

import { type CliOption, OPTIONS } from "./cli-options.js";

const names = (option: CliOption) => [option.name, ...(option.short ? [option.short] : [])];

function bash(): string {
	const words = OPTIONS.flatMap(names).join(" ");
	const valued = OPTIONS.filter((option) => option.value && !option.choices).map((option) => option.name);
	const choices = OPTIONS.filter((option) => option.choices).map(
		(option) => `\t\t${option.name}) COMPREPLY=($(compgen -W "${option.choices?.join(" ")}" -- "$cur")); return ;;`,
	);
	return `# fic completion for bash: eval "$(fic --completion bash)", or save it in bash-completion's folder
_fic() {
	COMPREPLY=()
	local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
	case "$prev" in
${choices.join("\n")}
		${valued.join("|")}) return ;;
	esac
	if [[ "$cur" == -* ]]; then
		COMPREPLY=($(compgen -W "${words}" -- "$cur"))
	else
		# A name per line, not per word: downloads are named "Work Title (2).html".
		local IFS=$'\n'
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -o filenames -F _fic fic
`;
}

/** A description inside a single-quoted zsh word, as _arguments reads it: ] and [ escaped. */
const zshQuoted = (text: string) => text.replace(/'/g, "'\\''").replace(/([[\]])/g, "\\$1");

function zsh(): string {
	const specs = OPTIONS.map((option) => {
		const values = option.choices ? `(${option.choices.join(" ")})` : " ";
		const value = option.value ? `:${option.value.toLowerCase()}:${values}` : "";
		const spec = `[${zshQuoted(option.description)}]${value}`;
		return option.short
			? `\t\t'(${option.short} ${option.name})'{${option.short},${option.name}}'${spec}' \\`
			: `\t\t'${option.name}${spec}' \\`;
	});
	return `#compdef fic
# fic completion for zsh: save as _fic in a folder of $fpath, or eval "$(fic --completion zsh)"
_fic() {
	_arguments \\
${specs.join("\n")}
		'*:story file or folder:_files'
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _fic "$@"; else compdef _fic fic; fi
`;
}

function fish(): string {
	const lines = OPTIONS.map((option) => {
		const short = option.short ? ` -s ${option.short.slice(1)}` : "";
		const value = option.choices ? ` -x -a '${option.choices.join(" ")}'` : option.value ? " -r" : "";
		return `complete -c fic -l ${option.name.slice(2)}${short}${value} -d '${option.description.replace(/[\\']/g, "\\$&")}'`;
	});
	return `# fic completion for fish: fic --completion fish > ~/.config/fish/completions/fic.fish\n${lines.join("\n")}\n`;
}

export const COMPLETIONS = { bash, zsh, fish } as const;
