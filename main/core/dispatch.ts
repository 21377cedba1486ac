import type * as z from 'zod';
import { contract, isCallName, type Result } from '../../shared/contract';
import type { CoreDeps, Ctx, Handler, Handlers, SessionCarrier } from './context';
import { admit } from './auth/gate';
import { TanggapError } from './errors';
import { checkOutput } from './outputCheck';

function validationError(error: z.ZodError): TanggapError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const [first] = error.issues;
  const field = first?.path.join('.') || undefined;
  return new TanggapError('validation', first?.message ?? 'Isian tidak valid.', field, fields);
}

// The one gate every transport passes through: known call, live session, allowed
// role, valid input; only then the handler. Output is checked against the contract
// too, so a handler cannot leak fields the contract does not list.
export async function dispatch(
  deps: CoreDeps,
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  session: SessionCarrier,
): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown_call', message: 'Perintah tidak dikenal oleh aplikasi.' } };
  }
  const spec = contract[name];
  try {
    const { user, mustChangePassword } = admit(deps, name, session);
    // Every call takes an object; anything else (a string, a number, a list) is refused
    // before a schema's refinements could trip over it.
    const input = rawInput ?? {};
    if (typeof input !== 'object' || Array.isArray(input)) {
      throw new TanggapError('validation', 'Permintaan tidak dapat dibaca: isian harus dikirim sebagai data formulir (objek JSON). Muat ulang halaman lalu coba lagi.');
    }
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    // Not `{ ...deps, user, … }`: in V8 (Node 20) an object spread into and then given
    // more fields gets a hidden class of its own every time, microseconds on each call
    // and slower reads of ctx after it; Object.assign builds the same object the fast way.
    const ctx: Ctx = Object.assign({}, deps, { user, mustChangePassword, session });
    const handler = handlers[name] as Handler<typeof name>;
    const value = await handler(ctx, parsed.data as never);
    return { ok: true, value: checkOutput(spec.output, value) };
  } catch (err) {
    if (err instanceof TanggapError) return { ok: false, error: err.toApiError() };
    // Only the call name and the stack: inputs may hold NIK, phone or address.
    deps.log.error(`panggilan ${name} gagal`, err);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Terjadi kesalahan di aplikasi; data yang sudah tersimpan tidak berubah. Coba lagi, dan hubungi admin bila berulang.',
      },
    };
  }
}
