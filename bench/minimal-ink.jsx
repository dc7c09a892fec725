// The reference for start-up time: the smallest bundled Ink program that prints one screen.
import { render, Text } from "ink";

const instance = render(<Text>FIRSTPAGE-MARKER minimal Ink screen</Text>, { alternateScreen: true, interactive: true });
setTimeout(() => instance.unmount(), 30_000);
