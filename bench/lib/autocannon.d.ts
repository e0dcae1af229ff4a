// The little of autocannon's API the bench uses (the package ships no types).
declare module 'autocannon' {
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    requests?: { setupRequest?: (request: Request) => Request }[];
  };
  type Result = { requests: { total: number; average: number }; errors: number; timeouts: number; non2xx: number; duration: number; [key: string]: unknown };
  type Instance = Promise<Result> & { on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void; stop(): void };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
