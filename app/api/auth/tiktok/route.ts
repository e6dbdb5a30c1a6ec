import { errorPage } from '@/lib/auth/error-page';
import { startAuthorization } from '@/lib/auth/oauth';
import { startQuerySchema } from '@/lib/auth/start-schema';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** Starts Login Kit: a top-level redirect to TikTok's authorize page with state and PKCE. */
export async function GET(request: Request) {
  const parsed = startQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return errorPage(400, 'That sign-in link is not valid', parsed.error.issues[0].message);
  const { platform, scheme, returnTo } = parsed.data;
  if (platform === 'native' && (!scheme || !env().nativeAppSchemes.includes(scheme))) {
    return errorPage(400, 'Unknown app', 'This app is not allowed to sign in with Showreel. Please update the app or contact its developer.');
  }
  const url = await startAuthorization({ platform, scheme: platform === 'native' ? scheme : undefined, returnTo });
  return new Response(null, { status: 302, headers: { Location: url, 'Cache-Control': 'no-store' } });
}
