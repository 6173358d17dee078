//! The `createimage` binary's integration tests, one test binary: one build and one link instead
//! of one per file. Each runs the built executable; servers bind 127.0.0.1 on free ports and are
//! stopped by their own PID. Data: `../data/` (the business-error table the README shows).

// Starting and stopping `createimage serve`, signing requests for it.
mod support;

// check, explain: exit status, stdout and stderr.
mod cli;
// sign: byte-exact requests and signatures, curl, errors.
mod sign;

// serve: the providers' paths as SDKs reach them, the relay against a local upstream, hostile traffic.
mod hostile;
mod relay;
mod serve;
