// The request header that carries the address of the connection itself. The
// app's HTTP server (scripts/serve.mjs) sets it on every request and drops any
// copy a client sent, so only it can put an address there.
export const PEER_HEADER = "x-deskbridge-peer";
