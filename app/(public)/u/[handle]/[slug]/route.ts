import { showcaseResponse } from '@/app/(public)/_components/showcase-response';

type Context = { params: Promise<{ handle: string; slug: string }> };

// A showcase other than the default, cached and dropped like the default's page (its own tag).
export const revalidate = 300;

export async function generateStaticParams(): Promise<Array<{ handle: string; slug: string }>> {
  return [];
}

export async function GET(_request: Request, { params }: Context) {
  const { handle, slug } = await params;
  return showcaseResponse(handle, slug);
}
