import { EmbedUnavailable } from '@/app/_components/embed-unavailable';

export default function EmbedNotFound() {
  return <EmbedUnavailable />;
}
