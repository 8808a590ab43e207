export * from './festivals';
export * from './organisations';
export * from './people';
export * from './films';
export * from './venues';
export * from './screenings';
export * from './inventory';
