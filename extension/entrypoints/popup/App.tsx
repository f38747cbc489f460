import type { ConnectionModel, ConnectionStatus } from '../../src/models/connection-model';

const STATUS_LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Checking…',
  unpaired: 'Not paired',
  unreachable: 'Unavailable',
};

function StatusDetails({ status }: { status: ConnectionStatus }) {
  switch (status) {
    case 'connecting':
      return <p>Asking the extension's background for its state.</p>;
    case 'unpaired':
      return (
        <>
          <p>
            This extension is not paired with a WAIaaS signer yet, so it cannot show or approve what
            your agents ask to sign.
          </p>
          <p>To pair it, run this where your signer runs and follow the steps it prints:</p>
          <pre>
            <code>waiaas pair</code>
          </pre>
        </>
      );
    case 'unreachable':
      return <p>The extension's background stopped answering. Close this popup and open it again.</p>;
    default:
      return status satisfies never;
  }
}

export function App({ model }: { model: ConnectionModel }) {
  const status = model.status.value;
  return (
    <main>
      <h1>WAIaaS Owner companion</h1>
      {/* A live region, so a screen reader announces the state once the background answers. */}
      <section aria-labelledby="connection-heading" aria-live="polite">
        <h2 id="connection-heading">
          Signer: <span class={`status status-${status}`}>{STATUS_LABELS[status]}</span>
        </h2>
        <StatusDetails status={status} />
      </section>
    </main>
  );
}
