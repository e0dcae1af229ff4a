import { Box, Container } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { BrandMark } from '../components/brand-mark';
import { ContactFooter } from '../components/contact-footer';
import { FullPageLoader } from '../components/full-page-loader';
import { useUnit } from '../hooks/use-unit';
import { SkipLink } from './skip-link';

/** The frame for sign-in and password pages: brand, one centred card, the contact footer. */
export function PublicLayout() {
  const unit = useUnit();
  return (
    <Box bg="gray.0" style={{ minHeight: '100dvh', display: 'flex', flexDirection: 'column' }}>
      <SkipLink />
      <Box component="header" bg="white" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <BrandMark unitName={unit.data?.unitName} />
      </Box>
      <Box component="main" id="main-content" tabIndex={-1} style={{ flex: 1 }}>
        <Container size={460} py={{ base: 'xl', sm: 56 }}>
          <Suspense fallback={<FullPageLoader label="Loading page" />}>
            <Outlet />
          </Suspense>
        </Container>
      </Box>
      <ContactFooter />
    </Box>
  );
}
