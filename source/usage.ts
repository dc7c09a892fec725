// The one-line usage, shared by the light entry point and the flag parser.
export const USAGE =
	"Usage: fic [--print [--width N]] [--notes] [--json] [--encoding NAME] [--chapters REGEX] [--notes-debug] [FILE | FOLDER | -]";
