import Link from 'next/link';
import { DoneBanner } from './_components/done-banner';

// Prerendered at build time and served as a static file; see the layout for signed-in visitors.
export const dynamic = 'force-static';

export default function LandingPage() {
  return (
    <main className="container">
      <DoneBanner />
      <section className="hero">
        <h1>Your best TikToks, on one page you own.</h1>
        <p>
          Showreel lets creators sign in with TikTok, pick and order their favourite videos, and publish them on a fast public showcase page that works on the
          web and inside apps.
        </p>
        <div className="actions">
          <a className="button button-primary" href="/api/auth/tiktok">
            Continue with TikTok
          </a>
          <Link className="button button-ghost" href="/login/qr">
            Sign in with QR code
          </Link>
        </div>
      </section>
      <section className="features" aria-label="What Showreel does">
        <div className="feature">
          <h2>Browse</h2>
          <p>See your recent TikToks in a grid, with covers, titles and durations.</p>
        </div>
        <div className="feature">
          <h2>Curate</h2>
          <p>Pick the ones that matter, drag them into order, and save your showcase.</p>
        </div>
        <div className="feature">
          <h2>Share</h2>
          <p>Publish a public page where visitors watch each video in TikTok&apos;s own player.</p>
        </div>
      </section>
    </main>
  );
}
