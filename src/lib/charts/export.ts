/**
 * A chart's SVG as a PNG, in the browser: the SVG drawn onto a white canvas
 * at `scale` times its size (blob: images are allowed by the CSP).
 */
export interface PngOptions {
	/** Canvas pixels per SVG unit. */
	scale?: number;
	/** Error messages in the caller's words. */
	drawError?: string;
	pngError?: string;
}

export async function svgToPng(svg: string, width: number, height: number, options: PngOptions = {}): Promise<Blob> {
	const { scale = 2, drawError = 'Could not draw the plot.', pngError = 'Could not make the PNG.' } = options;
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.width = width;
		image.height = height;
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new Error(drawError));
			image.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = width * scale;
		canvas.height = height * scale;
		const context = canvas.getContext('2d');
		if (!context) throw new Error(drawError);
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(pngError))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** A live <svg> element as a standalone SVG file (with the namespace a file needs). */
export function serialiseSvg(element: SVGSVGElement): string {
	const copy = element.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	return new XMLSerializer().serializeToString(copy);
}
