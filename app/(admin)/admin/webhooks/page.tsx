import { listRecentDeliveries, listWebhookEndpoints } from "@/db/queries/webhooks";
import { formatUtc } from "@/lib/format/utc";
import { requireAdmin } from "@/server/auth/auth-guard";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { createWebhookAction, testWebhookAction, toggleWebhookAction } from "./actions";
import { CreateWebhookForm } from "./create-webhook-form";

export const metadata = { title: "Webhooks" };

const eventLabels = {
  "signature.confirmed": "A signature is confirmed (signature.confirmed)",
  "signature.withdrawn": "A signer withdraws (signature.withdrawn: the signature's id only)",
  "campaign.closed": "A petition or letter closes (campaign.closed)",
  "update.sent": "An update has gone out to signers (update.sent)",
} as const;

type Props = { searchParams: Promise<{ tested?: string }> };

export default async function WebhooksPage({ searchParams }: Props) {
  await requireAdmin();
  const { tested } = await searchParams;
  const [endpoints, deliveries] = await Promise.all([listWebhookEndpoints(), listRecentDeliveries()]);
  return (
    <>
      <h1>Webhooks</h1>
      <p>
        Each event is posted as JSON to the endpoints that asked for it, signed per Standard Webhooks. An endpoint that
        does not answer 2xx is tried again with growing pauses for about a day; the <code>webhook-id</code> header is
        the same on every attempt, so a receiver can drop a copy.
      </p>
      {tested ? (
        <p className="notice success" role="status">
          A test event is on its way: see the delivery log below.
        </p>
      ) : null}
      <h2>New endpoint</h2>
      <CreateWebhookForm
        action={createWebhookAction}
        events={Object.entries(eventLabels).map(([value, label]) => ({ value, label }))}
      />
      <h2>Endpoints</h2>
      {endpoints.length === 0 ? (
        <p className="hint">No endpoints yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">Registered</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.id}>
                <td>
                  {endpoint.url}
                  {endpoint.disabledAt ? <span className="hint"> (disabled)</span> : null}
                </td>
                <td>{endpoint.events.join(", ")}</td>
                <td>
                  {formatUtc(endpoint.createdAt)} by {endpoint.createdBy}
                </td>
                <td>
                  <AdminForm action={testWebhookAction}>
                    <input type="hidden" name="id" value={endpoint.id} />
                    <SubmitButton className="secondary">
                      Send a test event<span className="visually-hidden"> to {endpoint.url}</span>
                    </SubmitButton>
                  </AdminForm>
                  <AdminForm action={toggleWebhookAction}>
                    <input type="hidden" name="id" value={endpoint.id} />
                    <input type="hidden" name="disabled" value={endpoint.disabledAt ? "no" : "yes"} />
                    <SubmitButton className="secondary">
                      {endpoint.disabledAt ? "Enable" : "Disable"}
                      <span className="visually-hidden"> {endpoint.url}</span>
                    </SubmitButton>
                  </AdminForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Delivery log</h2>
      {deliveries.length === 0 ? (
        <p className="hint">Nothing sent yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Endpoint</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col">Queued</th>
              <th scope="col">Delivered or next try</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.id}>
                <td>
                  {delivery.eventType}
                  <br />
                  <code className="hint">{delivery.eventId}</code>
                </td>
                <td>{delivery.url}</td>
                <td>{delivery.status}</td>
                <td>{delivery.attempts}</td>
                <td>{delivery.lastError ?? (delivery.lastStatus ? `HTTP ${delivery.lastStatus}` : "")}</td>
                <td>{formatUtc(delivery.createdAt)}</td>
                <td>
                  {delivery.deliveredAt
                    ? formatUtc(delivery.deliveredAt)
                    : delivery.status === "queued"
                      ? formatUtc(delivery.nextAttemptAt)
                      : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
