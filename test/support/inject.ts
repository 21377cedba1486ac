import { inject as injectInto, type InjectOptions, type Response } from 'light-my-request';
import type { HttpServer } from '../../main/http/server';

// A request through the server's own request listener, without a socket: as a browser's
// would arrive, with any remote address (remoteAddress) the test names.
export const inject = (app: HttpServer, options: InjectOptions): Promise<Response> => injectInto(app.handle, options);
