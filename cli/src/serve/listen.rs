//! The accept loop, with the limits a server a browser can reach needs: a cap on open
//! connections, a deadline for a request's headers and one for its whole body, a bound on header
//! bytes, and a shutdown that ends within a bounded time even with a slow client connected.
//! (`axum::serve` has none of these; this is hyper's own connection builder under the same router.)

use axum::Router;
use axum::http::Request;
use hyper::body::{Body as HttpBody, Frame, Incoming, SizeHint};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::time::Sleep;
use tokio_rustls::TlsAcceptor;
use tower::ServiceExt as _;

/// How much a client may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Connections served at once; more wait in the kernel's accept queue, using no memory here.
    pub max_connections: usize,
    /// From a connection's first byte (or the end of its previous request) to the end of the headers.
    pub header_timeout: Duration,
    /// From the end of the headers to the end of the body, however the body trickles in.
    pub body_timeout: Duration,
    /// After Ctrl-C or SIGTERM, how long requests under way may take to finish.
    pub shutdown_grace: Duration,
}

/// Connections served at once unless `--max-connections` says otherwise: a browser opens at most
/// six to one server; SDK load tests a few dozen.
pub const MAX_CONNECTIONS: u32 = 128;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: MAX_CONNECTIONS as usize,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(5),
        }
    }
}

/// Hyper's read buffer, which bounds a request line plus headers: 64 KiB (hyper's default is
/// 400 KiB). A CreateImage GET with every parameter at its longest is under 16 KiB.
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// Serves `router` on `listener` (over TLS with `tls`, the handshake within the header deadline)
/// until `shutdown` resolves, then lets requests under way finish for at most `limits.shutdown_grace`.
pub async fn serve(
    listener: TcpListener,
    tls: Option<TlsAcceptor>,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout).max_buf_size(MAX_HEAD_BYTES);
    let body_timeout = limits.body_timeout;
    let service = router.map_request(move |req: Request<Incoming>| req.map(|body| Deadline::new(body, body_timeout)));
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            biased;
            () = &mut shutdown => break,
            permit = permits.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
        };
        let stream = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors, say: wait rather than spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let service = TowerToHyperService::new(service.clone());
        // A client that breaks off or times out is no server error.
        match &tls {
            None => {
                let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
                tokio::spawn(async move {
                    let _ = conn.await;
                    drop(permit);
                });
            }
            Some(acceptor) => {
                let handshake = tokio::time::timeout(limits.header_timeout, acceptor.accept(stream));
                let (watcher, http) = (graceful.watcher(), http.clone());
                tokio::spawn(async move {
                    if let Ok(Ok(stream)) = handshake.await {
                        let _ = watcher.watch(http.serve_connection(TokioIo::new(stream), service)).await;
                    }
                    drop(permit);
                });
            }
        }
    }
    drop(listener);
    let open = graceful.count();
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown()).await.is_err() {
        tracing::warn!(open, grace_s = limits.shutdown_grace.as_secs(), "shutdown: closed connections still busy");
    }
}

/// A request body that fails once its deadline passes, however slowly it trickles in (a
/// per-read timeout would let a byte every few seconds hold the connection forever).
struct Deadline<B> {
    body: B,
    deadline: Pin<Box<Sleep>>,
}

impl<B> Deadline<B> {
    fn new(body: B, limit: Duration) -> Self {
        Deadline { body, deadline: Box::pin(tokio::time::sleep(limit)) }
    }
}

/// The error a late body ends with.
#[derive(Debug)]
struct BodyTimeout;

impl std::fmt::Display for BodyTimeout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request body did not arrive in time")
    }
}

impl std::error::Error for BodyTimeout {}

impl<B> HttpBody for Deadline<B>
where
    B: HttpBody + Unpin,
    B::Error: Into<axum::BoxError>,
{
    type Data = B::Data;
    type Error = axum::BoxError;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<B::Data>, Self::Error>>> {
        // What has arrived is taken first; the deadline counts only while the client keeps us waiting.
        if let Poll::Ready(frame) = Pin::new(&mut self.body).poll_frame(cx) {
            return Poll::Ready(frame.map(|f| f.map_err(Into::into)));
        }
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Some(Err(Box::new(BodyTimeout)))),
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}
