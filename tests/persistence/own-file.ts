// The file this device's store writes for a record, as the tests read it back.

import { join } from "node:path";
import { deviceName } from "../../source/persistence/locations.js";
import { recordFileName } from "../../source/persistence/record-names.js";

export function ownRecordFile(directory: string, name: string): string {
	return join(directory, "stories", recordFileName(name, deviceName(undefined)));
}
