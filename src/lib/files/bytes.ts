/**
 * Joins byte arrays into one new array. With `release`, each part is taken off
 * the list as soon as it is copied, so a large stream (a 200 MB upload's Arrow
 * batches) is not held twice for longer than one part.
 */
export function concatBytes(parts: Uint8Array[], { release = false } = {}): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	if (release) {
		while (parts.length) {
			const part = parts.shift()!;
			out.set(part, at);
			at += part.length;
		}
		return out;
	}
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
