//! `createimage serve`: the console, an emulator of the four providers' CreateImage APIs at their
//! own request paths, and a relay to the real provider hosts, on one port (as LocalStack serves
//! every AWS service on one edge port).

pub mod emulator;
pub mod envelope;
pub mod fixture;
mod gateway;
pub mod ids;
pub mod relay;
pub mod state;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, OriginalUri, State as Extract};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use clap::Args;
use createimage_validator::Provider;
use emulator::Emulator;
use fixture::{Account, Fixture};
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
    /// Tests only: send every relayed request to this local upstream instead of the provider.
    #[arg(long, value_name = "URL", hide = true)]
    pub relay_test_upstream: Option<String>,
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
    if let Some(path) = &args.credentials {
        replace_accounts(&mut fixture, path)?;
    }
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
    };
    init_logs();
    let runtime = tokio::runtime::Runtime::new().map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        print_banner(addr, &app.emulator.fixture);
        let router = router(app);
        axum::serve(listener, router).with_graceful_shutdown(shutdown()).await.map_err(|e| format!("server error: {e}"))
    })
}

fn replace_accounts(fixture: &mut Fixture, path: &std::path::Path) -> Result<(), String> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Credentials {
        aliyun: Option<Vec<Account>>,
        tencent: Option<Vec<Account>>,
        jdcloud: Option<Vec<Account>>,
        zenlayer: Option<Vec<Account>>,
    }
    let text = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let c: Credentials =
        serde_json::from_slice(&text).map_err(|e| format!("{} is not a credentials file: {e}", path.display()))?;
    let pairs = [
        (c.aliyun, &mut fixture.aliyun.accounts),
        (c.tencent, &mut fixture.tencent.accounts),
        (c.jdcloud, &mut fixture.jdcloud.accounts),
        (c.zenlayer, &mut fixture.zenlayer.accounts),
    ];
    for (given, accounts) in pairs {
        if let Some(given) = given {
            *accounts = given;
        }
    }
    Ok(())
}

fn init_logs() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("CREATEIMAGE_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ =
        tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_writer(std::io::stderr).try_init();
}

fn print_banner(addr: SocketAddr, fixture: &Fixture) {
    println!("createimage serve: console and emulator on http://{addr}/");
    println!("Sandbox credentials (emulator only; point an SDK's endpoint at http://{addr}):");
    for (provider, a) in fixture.accounts() {
        println!("  {provider:<9} {:<36} {:<26} {}", a.access_key_id, a.secret, a.note);
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
    Router::new()
        .route("/_emulator/state", get(emulator_state))
        .route("/_emulator/reset", post(emulator_reset))
        .route("/v2/index.php", gateway::endpoint(Provider::Tencent))
        .route("/api/v2/vm", gateway::endpoint(Provider::Zenlayer))
        .route("/v1/{*rest}", gateway::endpoint(Provider::JdCloud))
        .route("/relay/{*rest}", any(relay_route))
        .route("/relay/", any(relay_route))
        .route("/relay", any(relay_route))
        .route("/", any(gateway::root))
        .fallback_service(console)
        .layer(DefaultBodyLimit::max(1024 * 1024))
        .with_state(app)
}

async fn emulator_state(Extract(app): Extract<App>) -> Response {
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

async fn emulator_reset(Extract(app): Extract<App>) -> Response {
    match app.emulator.reset() {
        Ok(()) => ([(header::CONTENT_TYPE, "application/json")], r#"{"reset":true}"#).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("cannot write the state file: {e}")).into_response(),
    }
}

async fn relay_route(
    Extract(app): Extract<App>,
    method: Method,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    let own_origin = format!("http://{host}");
    app.relay.forward(method, uri.path(), uri.query(), &headers, body, &own_origin).await
}
