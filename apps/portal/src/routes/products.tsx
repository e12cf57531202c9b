import { Form, useLoaderData, type ActionFunctionArgs } from 'react-router';
import { MAX_REFERENCE_IMAGES, REFERENCE_IMAGE_TYPES } from '@jf/domain';
import { ErrorAlert, StatusMessage } from '../components/alert';
import { TextField } from '../components/text-field';
import { useCreateForm } from '../components/use-create-form';
import { formatMoney, plural } from '../format';
import { brandLoader, useMe } from '../session';
import { issuesFor, toFormError, trpc, type FormError, type Product } from '../trpc';
import { uploadDocument, UploadError } from '../uploads';

const FIELDS = ['name', 'category', 'keywords', 'msrpCents', 'currency', 'referenceImageIds'];

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
    const images = form
      .getAll('images')
      .filter((file): file is File => file instanceof File && file.size > 0);
    if (images.length > MAX_REFERENCE_IMAGES) {
      return {
        ok: false,
        message: 'Please correct the fields marked below.',
        fieldIssues: { referenceImageIds: [`give at most ${MAX_REFERENCE_IMAGES} images`] },
      };
    }
    const referenceImageIds = await Promise.all(images.map(uploadDocument));
    await trpc.products.create.mutate({
      referenceImageIds,
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
    if (error instanceof UploadError)
      return { ok: false, message: error.message, fieldIssues: { referenceImageIds: [error.message] } };
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
  const { formRef, failure, success, submitting } = useCreateForm<typeof productsAction>();
  const created = success?.name ?? null;

  return (
    <section className="card" aria-labelledby="create-heading">
      <h2 id="create-heading">Add a product</h2>
      {failure && <ErrorAlert>{failure.message}</ErrorAlert>}
      {created && <StatusMessage>{created} is now protected.</StatusMessage>}
      <Form method="post" encType="multipart/form-data" noValidate className="form-grid" ref={formRef}>
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
        <TextField
          label="Reference images"
          name="images"
          type="file"
          multiple
          accept={REFERENCE_IMAGE_TYPES.join(',')}
          className="field-wide"
          hint={`Photos of the genuine product that detection compares listing images with: PNG, JPEG or WebP, up to ${MAX_REFERENCE_IMAGES}.`}
          errors={issuesFor(failure?.fieldIssues, 'referenceImageIds')}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={submitting}>
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
            <th scope="col">Reference images</th>
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
              <td>
                <ReferenceImages product={product} />
              </td>
              <td className="numeric nowrap">{formatMoney(product.msrpCents, product.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Uploaded images show as thumbnails; images kept in the marketplace's catalogue are only counted. */
function ReferenceImages({ product }: { product: Product }) {
  const uploaded = product.referenceImages.filter((path) => path.startsWith('/api/documents/'));
  const elsewhere = product.referenceImages.length - uploaded.length;
  if (product.referenceImages.length === 0) return <span className="muted">None</span>;
  return (
    <div className="thumbnails">
      {uploaded.map((path, index) => (
        <a key={path} href={path} target="_blank" rel="noreferrer">
          <img
            src={path}
            alt={`${product.name}, reference image ${index + 1}`}
            width={48}
            height={48}
            loading="lazy"
          />
        </a>
      ))}
      {elsewhere > 0 && <span className="muted small">{plural(elsewhere, 'image')} in the catalogue</span>}
    </div>
  );
}
