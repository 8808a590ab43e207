import { NextResponse } from 'next/server';
import { OPENAPI_DOCUMENT } from '@/web/api/openapi';

export function GET() {
  return NextResponse.json(OPENAPI_DOCUMENT);
}
