//! Entry point of the browser console: installs the panic hook and mounts [`App`] on `<body>`.

use createimage_console::app::App;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
