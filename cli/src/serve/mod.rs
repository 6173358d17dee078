//! `createimage serve`: the console, an emulator of the four providers' CreateImage APIs at their
//! own request paths, and a relay to the real provider hosts, on one port (as LocalStack serves
//! every AWS service on one edge port).

pub mod emulator;
pub mod envelope;
pub mod fixture;
mod gateway;
pub mod guard;
pub mod ids;
pub mod listen;
pub mod relay;
pub mod state;
mod tls;

use axum::Router;
use axum::body::Body;
use axum::extract::{OriginalUri, State as Extract};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use clap::Args;
use createimage_validator::Provider;
use emulator::Emulator;
use fixture::{Account, Fixture};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

/// Options of `createimage serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (loopback by default: the emulator's keys are public).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The built console (Trunk's output).
    #[arg(long, value_name = "DIR", default_value = "dist")]
    pub dist: PathBuf,
    /// The emulator's world (JSON, the shape of the built-in fixture); default: built in.
    #[arg(long, value_name = "FILE")]
    pub fixtures: Option<PathBuf>,
    /// Keep the created images here across restarts (written atomically).
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Access keys to accept instead of the sandbox ones: `{"aliyun":[{"accessKeyId":…,"secret":…}],…}`.
    #[arg(long, value_name = "FILE")]
    pub credentials: Option<PathBuf>,
    /// Seconds an image stays creating (overrides the fixture's imageDelaySeconds).
    #[arg(long, value_name = "SECONDS")]
    pub image_delay: Option<u64>,
    /// Also serve over HTTPS on this address (with --tls-cert and --tls-key), for clients that
    /// speak HTTPS only.
    #[arg(long, value_name = "ADDR", requires_all = ["tls_cert", "tls_key"])]
    pub tls_addr: Option<SocketAddr>,
    /// The HTTPS listener's certificate chain (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_addr")]
    pub tls_cert: Option<PathBuf>,
    /// The HTTPS listener's private key (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_addr")]
    pub tls_key: Option<PathBuf>,
    /// Connections served at once; more wait until one closes.
    #[arg(long, value_name = "N", default_value_t = listen::MAX_CONNECTIONS, value_parser = clap::value_parser!(u32).range(1..=65_536))]
    pub max_connections: u32,
    /// Tests only: the header and body read deadlines, in seconds (10 otherwise).
    #[arg(long, value_name = "SECONDS", hide = true)]
    pub test_read_timeout: Option<u64>,
    /// Tests only: send every relayed request to this local upstream instead of the provider.
    #[arg(long, value_name = "URL", hide = true)]
    pub relay_test_upstream: Option<String>,
    /// Another name this server may be reached by (repeatable): the relay, `/_emulator/*` and the
    /// provider paths answer only loopback names, the bound address and these.
    #[arg(long = "allowed-host", value_name = "NAME")]
    pub allowed_hosts: Vec<String>,
    /// Tests only: the relay's timeout in seconds (30 otherwise).
    #[arg(long, value_name = "SECONDS", hide = true)]
    pub relay_test_timeout: Option<u64>,
}

/// What every handler shares.
#[derive(Debug, Clone)]
pub struct App {
    pub emulator: Arc<Emulator>,
    pub relay: relay::Relay,
    /// The built console, served at `/` and for every path no API owns.
    pub dist: PathBuf,
    /// Which hosts and origins may change state.
    pub guard: guard::Guard,
}

pub fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

/// Starts the server and runs until Ctrl-C or SIGTERM.
pub fn run(args: &ServeArgs) -> Result<(), String> {
    let mut fixture = match &args.fixtures {
        Some(path) => {
            let text = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            serde_json::from_slice(&text).map_err(|e| format!("{} is not a fixture: {e}", path.display()))?
        }
        None => Fixture::builtin(),
    };
    if let Some(delay) = args.image_delay {
        fixture.image_delay_seconds = delay;
    }
    let from_file = match &args.credentials {
        Some(path) => replace_accounts(&mut fixture, path)?,
        None => Vec::new(),
    };
    let state = match &args.state {
        Some(path) => state::State::load(path).map_err(|e| format!("cannot read state {}: {e}", path.display()))?,
        None => state::State::default(),
    };
    if !args.dist.join("index.html").is_file() {
        eprintln!(
            "createimage: note: {} has no index.html; build the console first (scripts/run.sh does). The APIs work without it.",
            args.dist.display()
        );
    }
    let app = App {
        emulator: Arc::new(Emulator::new(fixture, state, args.state.clone())),
        relay: relay::Relay::new(
            args.relay_test_upstream.clone(),
            args.relay_test_timeout.map_or(relay::TIMEOUT, std::time::Duration::from_secs),
        ),
        dist: args.dist.clone(),
        guard: guard::Guard::new(args.addr, &args.allowed_hosts),
    };
    let tls = match (&args.tls_addr, &args.tls_cert, &args.tls_key) {
        (Some(addr), Some(cert), Some(key)) => Some((*addr, tls::acceptor(cert, key)?)),
        _ => None,
    };
    init_logs();
    let runtime = tokio::runtime::Runtime::new().map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        // The HTTPS listener is bound (and named) before the banner, whose last line says the server is up.
        let tls = match tls {
            Some((tls_addr, acceptor)) => {
                let tls_listener = tokio::net::TcpListener::bind(tls_addr)
                    .await
                    .map_err(|e| format!("cannot listen on {tls_addr}: {e}"))?;
                let bound = tls_listener.local_addr().map_err(|e| e.to_string())?;
                println!("createimage serve: HTTPS on https://{bound}/");
                Some((tls_listener, acceptor))
            }
            None => None,
        };
        print_banner(addr, &app.emulator.fixture, &from_file);
        let router = router(app);
        let mut limits = listen::Limits { max_connections: args.max_connections as usize, ..listen::Limits::default() };
        if let Some(seconds) = args.test_read_timeout {
            limits.header_timeout = std::time::Duration::from_secs(seconds);
            limits.body_timeout = limits.header_timeout;
        }
        // One Ctrl-C or SIGTERM stops both listeners.
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let until_stopped = move || {
            let mut stopped = stopped.clone();
            async move {
                let _ = stopped.wait_for(|s| *s).await;
            }
        };
        let tls_task = tls.map(|(tls_listener, acceptor)| {
            tokio::spawn(listen::serve(tls_listener, Some(acceptor), router.clone(), limits, until_stopped()))
        });
        tokio::spawn(async move {
            shutdown().await;
            let _ = stop.send(true);
        });
        listen::serve(listener, None, router, limits, until_stopped()).await;
        if let Some(task) = tls_task {
            let _ = task.await;
        }
        Ok::<(), String>(())
    })?;
    // Tasks still running (a client that never reads its answer) are dropped, not awaited.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    Ok(())
}

/// Puts the file's keys in place of the sandbox ones; the providers it names.
fn replace_accounts(fixture: &mut Fixture, path: &std::path::Path) -> Result<Vec<&'static str>, String> {
    let text = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    // Keyed by provider: a name that is none is refused with the names there are.
    let given: BTreeMap<Provider, Vec<Account>> =
        serde_json::from_slice(&text).map_err(|e| format!("{} is not a credentials file: {e}", path.display()))?;
    let mut named = Vec::new();
    for (provider, accounts) in given {
        fixture.replace_accounts(provider, accounts);
        named.push(provider.as_str());
    }
    Ok(named)
}

fn init_logs() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("CREATEIMAGE_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ =
        tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_writer(std::io::stderr).try_init();
}

/// The address, and the keys the emulator accepts: the sandbox keys with their secrets (they are
/// public), and only the key ids of the providers whose keys came from `--credentials` (those
/// secrets are the user's).
fn print_banner(addr: SocketAddr, fixture: &Fixture, from_file: &[&str]) {
    println!("createimage serve: console and emulator on http://{addr}/");
    println!("Sandbox credentials (emulator only; point an SDK's endpoint at http://{addr}):");
    if !from_file.is_empty() {
        println!("(keys of {} from the credentials file: their ids only)", from_file.join(", "));
    }
    for (provider, a) in fixture.accounts() {
        let provider = provider.as_str();
        if from_file.contains(&provider) {
            println!("  {provider:<9} {}", a.access_key_id);
        } else {
            println!("  {provider:<9} {:<36} {:<26} {}", a.access_key_id, a.secret, a.note);
        }
    }
    println!("Ctrl-C stops.");
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

/// Every route of the server.
pub fn router(app: App) -> Router {
    // The console's files go compressed, as the browser accepts: the `.br`/`.gz` files Trunk's build
    // hook writes beside them (brotli 11: the wasm is 780 KB raw, 240 KB), else compressed on the fly
    // (a dist built without the hook). Provider answers are not compressed: they are the emulator's
    // exact envelopes.
    let files = ServeDir::new(&app.dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(ServeFile::new(app.dist.join("index.html")).precompressed_br().precompressed_gzip());
    let console = tower::ServiceBuilder::new().layer(CompressionLayer::new()).service(files);
    // Every path below a provider's API prefix is that provider's: a wrong path, method or action
    // gets the provider's own error envelope, never the console's page or an empty 404/405.
    let mut router = Router::new()
        .route("/_emulator/state", get(emulator_state).fallback(emulator_method_not_allowed))
        .route("/_emulator/reset", post(emulator_reset).fallback(emulator_method_not_allowed))
        .route("/_emulator/{*rest}", any(emulator_not_found));
    // A provider whose API has no prefix of its own (Alibaba's, at `/`) is told apart by `root`.
    for r in createimage_validator::registry() {
        if let Some(prefix) = r.wire.path_prefix {
            router = router.route(&format!("{prefix}/{{*rest}}"), gateway::endpoint(r.provider));
        }
    }
    router
        .route("/relay/{*rest}", any(relay_route))
        .route("/relay/", any(relay_route))
        .route("/relay", any(relay_route))
        .route("/", any(gateway::root))
        .fallback_service(console)
        .with_state(app)
}

/// The emulator's own answers (not a provider's): `{"error", "message"}`, as the relay's.
fn emulator_error(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({"error": "emulator", "message": message}).to_string();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn emulator_method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> Response {
    let allowed = if uri.path() == "/_emulator/reset" { "POST" } else { "GET" };
    let message = format!("{} takes {allowed}, not {method}", uri.path());
    let mut response = emulator_error(StatusCode::METHOD_NOT_ALLOWED, &message);
    response.headers_mut().insert(header::ALLOW, header::HeaderValue::from_static(allowed));
    response
}

async fn emulator_not_found() -> Response {
    emulator_error(StatusCode::NOT_FOUND, "the emulator has GET /_emulator/state and POST /_emulator/reset")
}

/// `/_emulator/*` refuses what the guard refuses, in its own JSON.
fn emulator_refused(app: &App, headers: &HeaderMap) -> Option<Response> {
    let refused = app.guard.check_headers(headers).err()?;
    Some(emulator_error(StatusCode::FORBIDDEN, &refused.to_string()))
}

async fn emulator_state(Extract(app): Extract<App>, headers: HeaderMap) -> Response {
    if let Some(refused) = emulator_refused(&app, &headers) {
        return refused;
    }
    let now = now_ms();
    let images: Vec<serde_json::Value> = app.emulator.with_state(|s| {
        s.images
            .iter()
            .map(|i| {
                serde_json::json!({
                    "provider": i.provider, "imageId": i.id, "name": i.name, "location": i.location,
                    "source": i.source, "requestId": i.request_id, "status": i.status(now),
                    "createdMs": i.created_ms, "availableMs": i.available_ms,
                })
            })
            .collect()
    });
    let world = app.emulator.world(now);
    let body = serde_json::json!({"nowMs": now, "imageDelaySeconds": app.emulator.fixture.image_delay_seconds, "images": images, "world": world});
    ([(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

async fn emulator_reset(Extract(app): Extract<App>, headers: HeaderMap) -> Response {
    if let Some(refused) = emulator_refused(&app, &headers) {
        return refused;
    }
    match app.emulator.reset() {
        Ok(()) => ([(header::CONTENT_TYPE, "application/json")], r#"{"reset":true}"#).into_response(),
        Err(e) => emulator_error(StatusCode::INTERNAL_SERVER_ERROR, &format!("cannot write the state file: {e}")),
    }
}

async fn relay_route(
    Extract(app): Extract<App>,
    method: Method,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    // Read no more than the relay forwards: a larger body is the relay's own refusal.
    if let Err(refused) = app.guard.check_headers(&headers) {
        return relay::Refusal::Guard(refused).into_response();
    }
    let Ok(body) = axum::body::to_bytes(body, relay::MAX_BODY).await else {
        return relay::Refusal::BodyTooLarge.into_response();
    };
    app.relay.forward(method, uri.path(), uri.query(), &headers, body).await
}
