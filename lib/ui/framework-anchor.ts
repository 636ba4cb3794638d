/** The fragment id of a framework's section on /compliance: "PCI-DSS" → "framework-pci-dss". */
export const frameworkAnchor = (framework: string) => `framework-${framework.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}`;
