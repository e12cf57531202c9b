import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorAlert } from '../components/alert';
import { isTrpcError } from '../trpc';

/** Shown when a page's data could not be loaded; keeps the reason readable and offers a way on. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : isTrpcError(error)
      ? error.message
      : 'The portal could not reach the server. Check your connection and try again.';
  return (
    <main id="main" className="page">
      <section className="card narrow">
        <h1>Something went wrong</h1>
        <ErrorAlert>{message}</ErrorAlert>
        <p>
          <a href={window.location.href}>Try again</a> · <Link to="/">Brand home</Link>
        </p>
      </section>
    </main>
  );
}
