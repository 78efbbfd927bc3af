/** The part of autocannon's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
	interface RequestParams {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string;
	}
	type Context = Record<string, unknown>;
	interface Request extends RequestParams {
		setupRequest?: (request: RequestParams, context: Context) => RequestParams;
		onResponse?: (status: number, body: string, context: Context) => void;
	}
	interface Options {
		url: string;
		connections?: number;
		amount?: number;
		timeout?: number;
		requests?: Request[];
	}
	interface Histogram {
		average: number;
		p50: number;
		p90: number;
		p99: number;
		max: number;
	}
	interface Result {
		duration: number;
		latency: Histogram;
		requests: Histogram & { total: number };
		errors: number;
		timeouts: number;
		non2xx: number;
		'2xx': number;
	}
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
}
