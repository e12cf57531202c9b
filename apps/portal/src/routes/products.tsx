import { useEffect, useRef } from 'react';
import { Form, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs } from 'react-router';
import { ErrorAlert, StatusMessage } from '../components/alert';
import { TextField } from '../components/text-field';
import { formatMoney } from '../format';
import { brandLoader, useMe } from '../session';
import { issuesFor, toFormError, trpc, type FormError, type Product } from '../trpc';

const FIELDS = ['name', 'category', 'keywords', 'msrpCents', 'currency'];

export const productsLoader = brandLoader(async (): Promise<Product[]> => {
  return trpc.products.list.query();
});

type CreateResult = { ok: true; name: string } | ({ ok: false } & FormError);

/** "129", "129.5" and "129,50" are all amounts; anything else is refused before calling the API. */
function toCents(amount: string): number | null {
  const normalised = amount.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
}

export async function productsAction({ request }: ActionFunctionArgs): Promise<CreateResult> {
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '');
  const msrpCents = toCents(text('msrp'));
  if (msrpCents === null) {
    return {
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldIssues: { msrpCents: ['must be an amount such as 129.00'] },
    };
  }
  try {
    await trpc.products.create.mutate({
      name: text('name'),
      category: text('category'),
      keywords: text('keywords')
        .split(',')
        .map((keyword) => keyword.trim())
        .filter(Boolean),
      msrpCents,
      currency: text('currency'),
    });
    return { ok: true, name: text('name').trim() };
  } catch (error) {
    return { ok: false, ...toFormError(error, FIELDS) };
  }
}

export function ProductsPage() {
  const me = useMe();
  const products = useLoaderData<typeof productsLoader>();
  const isAdmin = me.user.role === 'brand_admin';
  return (
    <>
      <div className="page-header">
        <h1>Products</h1>
        <p className="muted">
          Your genuine products. Detection compares marketplace listings against their names, keywords and
          prices to find likely counterfeits.
          {!isAdmin && ' Only a brand admin can add products.'}
        </p>
      </div>
      {isAdmin && <CreateForm />}
      <section className="card" aria-labelledby="products-heading">
        <h2 id="products-heading">Protected products</h2>
        <ProductsTable products={products} />
      </section>
    </>
  );
}

function CreateForm() {
  const result = useActionData<typeof productsAction>();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const failure = result && !result.ok ? result : null;
  const created = result?.ok ? result.name : null;

  useEffect(() => {
    if (created) formRef.current?.reset();
  }, [created, result]);

  return (
    <section className="card" aria-labelledby="create-heading">
      <h2 id="create-heading">Add a product</h2>
      {failure && <ErrorAlert>{failure.message}</ErrorAlert>}
      {created && <StatusMessage>{created} is now protected.</StatusMessage>}
      <Form method="post" noValidate className="form-grid" ref={formRef}>
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          required
          errors={issuesFor(failure?.fieldIssues, 'name')}
        />
        <TextField
          label="Category"
          name="category"
          autoComplete="off"
          required
          hint="e.g. Handbags, Sneakers"
          errors={issuesFor(failure?.fieldIssues, 'category')}
        />
        <TextField
          label="Keywords"
          name="keywords"
          autoComplete="off"
          required
          className="field-wide"
          hint="Words a counterfeit listing would use, separated by commas."
          errors={issuesFor(failure?.fieldIssues, 'keywords')}
        />
        <TextField
          label="MSRP"
          name="msrp"
          inputMode="decimal"
          autoComplete="off"
          required
          hint="Recommended retail price, e.g. 129.00"
          errors={issuesFor(failure?.fieldIssues, 'msrpCents')}
        />
        <TextField
          label="Currency"
          name="currency"
          autoComplete="off"
          required
          maxLength={3}
          defaultValue="USD"
          hint="Three-letter code, e.g. USD, EUR, CNY"
          errors={issuesFor(failure?.fieldIssues, 'currency')}
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={navigation.state === 'submitting'}
          >
            Add product
          </button>
        </div>
      </Form>
    </section>
  );
}

function ProductsTable({ products }: { products: Product[] }) {
  if (products.length === 0) return <p>No products yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Category</th>
            <th scope="col">Keywords</th>
            <th scope="col" className="numeric">
              MSRP
            </th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr key={product.id}>
              <th scope="row">{product.name}</th>
              <td>{product.category}</td>
              <td>
                <ul className="tag-list">
                  {product.keywords.map((keyword) => (
                    <li key={keyword} className="tag">
                      {keyword}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="numeric nowrap">{formatMoney(product.msrpCents, product.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
