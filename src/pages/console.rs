//! One provider's workspace (the tab panel): the error summary, the request form, endpoint and
//! keys, the submit button, the answer and the request preview.

use crate::components::answer::Answer;
use crate::components::credentials::Credentials;
use crate::components::error_summary::ErrorSummary;
use crate::components::form::RequestForm;
use crate::components::preview::Preview;
use crate::components::provider_picker::{ApiChoice, tab_id};
use crate::components::send::SendBar;
use crate::store::ProviderPage;
use leptos::prelude::*;

#[component]
pub fn ProviderPage(space: ProviderPage) -> impl IntoView {
    view! {
        <section id="provider-panel" role="tabpanel" class="panel" aria-labelledby=tab_id(space.provider)>
            <ApiChoice provider=space.provider />
            <ErrorSummary space />
            <div class="layout">
                <div class="col-main">
                    <RequestForm space />
                </div>
                <div class="col-side">
                    <Credentials space />
                    <SendBar space />
                    <Answer space />
                </div>
            </div>
            <Preview space />
        </section>
    }
    .into_any()
}
