import { EmbedUnavailable } from '@/app/(embed)/_components/embed-unavailable';

export default function EmbedNotFound() {
  return <EmbedUnavailable />;
}
