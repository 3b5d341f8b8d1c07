declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** LevelDB directory; in memory when absent. */
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
  }

  /** An embedded DynamoDB-compatible server (an http.Server that is not listening yet). */
  export default function dynalite(options?: DynaliteOptions): Server;
}
