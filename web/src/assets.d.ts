/** Style sheets imported by page modules for their side effect; Vite emits each as a file (CSP: style-src 'self'). */
declare module "*.css";
