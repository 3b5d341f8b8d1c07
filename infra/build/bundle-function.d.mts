/** Bundles one Lambda function as the stack deploys it; returns the bundle and its bytes by package. */
export function bundleFunction(input: { entry: string; outdir: string }): Promise<{ file: string; bytes: number; inputs: Record<string, number> }>;
