import { CreateOrganizationDto } from '../../organizations/operator/create-organization.dto';

/** First run: creates the organization and its first admin (the same fields an operator gives for further ones). */
export class SetupDto extends CreateOrganizationDto {}
