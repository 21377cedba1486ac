// Runs a module the way Electron runs a utilityProcess, in a plain Node child process:
// process.parentPort (message events carrying { data }, postMessage) over Node's IPC
// channel. The tests use it because the Electron binary is not available.
const listeners = [];
// As in Electron, messages wait until a handler is registered.
const queued = [];
process.on('message', (data) => {
  if (listeners.length === 0) queued.push(data);
  else listeners.forEach((listener) => listener({ data, ports: [] }));
});
process.parentPort = {
  on(event, listener) {
    if (event !== 'message') return this;
    listeners.push(listener);
    queued.splice(0).forEach((data) => listener({ data, ports: [] }));
    return this;
  },
  postMessage(message) {
    if (process.connected) process.send(message);
  },
};
// Like a utility process, it ends with its parent.
process.on('disconnect', () => process.exit(0));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is only known at run time
require(process.env.TANGGAP_UTILITY_MODULE);
