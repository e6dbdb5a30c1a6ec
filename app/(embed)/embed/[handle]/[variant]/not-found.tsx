'use client';

import { useParams } from 'next/navigation';
import { EmbedUnavailable } from '@/app/_components/embed-unavailable';

export default function EmbedNotFound() {
  const { handle } = useParams<{ handle: string }>();
  return <EmbedUnavailable handle={handle ?? ''} />;
}
